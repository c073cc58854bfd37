// placeholder: the simulator is built in its own commit
System.Console.WriteLine("HeyMilo simulator");
